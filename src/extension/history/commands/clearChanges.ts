import type { Command } from '../../commands/command';
import type { AnnotationChangesView } from '../annotationChangesView';

/** Closes the Annotation Changes result and removes its marks from the editors. */
export class ClearChangesCommand implements Command {
  readonly id = 'sourceAnnotator.history.clearChanges';

  constructor(private readonly view: AnnotationChangesView) {}

  execute(): void {
    this.view.clear();
  }
}
