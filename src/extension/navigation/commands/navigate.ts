import type { Annotation } from '../../../core/annotation';
import type { AnnotationKind } from '../../../core/annotationKind';
import type { Direction } from '../../../core/navigation/annotationOrder';
import type { Command } from '../../commands/command';
import type { AnnotationNavigator } from '../annotationNavigator';
import { kindArgument } from '../../kindPicker';

/**
 * `sourceAnnotator.nextAnnotation`, `sourceAnnotator.previousQuote`, …: one class for all ten.
 * Next/Previous Annotation take a kind as argument, which is how a keybinding moves between the
 * annotations of a custom kind: `{"command": "sourceAnnotator.nextAnnotation", "args": {"kind": "statistic"}}`.
 */
export class NavigateCommand implements Command {
  readonly id: string;

  constructor(
    private readonly navigator: AnnotationNavigator,
    private readonly direction: Direction,
    private readonly kind?: AnnotationKind,
  ) {
    this.id = `sourceAnnotator.${direction}${kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : 'Annotation'}`;
  }

  execute(arg?: unknown): Promise<Annotation | undefined> {
    return this.navigator.go(this.direction, this.kind ?? kindArgument(arg));
  }
}
