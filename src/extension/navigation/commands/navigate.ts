import type { Annotation } from '../../../core/annotation';
import type { AnnotationKind } from '../../../core/annotationKind';
import type { Direction } from '../../../core/navigation/annotationOrder';
import type { Command } from '../../commands/command';
import type { AnnotationNavigator } from '../annotationNavigator';

const KIND_IN_ID: Record<AnnotationKind, string> = { claim: 'Claim', quote: 'Quote', speculation: 'Speculation', advertisement: 'Advertisement' };

/** `sourceAnnotator.nextAnnotation`, `sourceAnnotator.previousQuote`, …: one class for all ten. */
export class NavigateCommand implements Command {
  readonly id: string;

  constructor(
    private readonly navigator: AnnotationNavigator,
    private readonly direction: Direction,
    private readonly kind?: AnnotationKind,
  ) {
    this.id = `sourceAnnotator.${direction}${kind ? KIND_IN_ID[kind] : 'Annotation'}`;
  }

  execute(): Promise<Annotation | undefined> {
    return this.navigator.go(this.direction, this.kind);
  }
}
