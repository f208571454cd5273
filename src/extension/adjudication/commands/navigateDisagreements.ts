import type { Command } from '../../commands/command';
import type { AdjudicationView } from '../adjudicationView';

/** Next / Previous Disagreement: moves through every disagreement of the comparison, wrapping around. */
export class NavigateDisagreementsCommand implements Command {
  readonly id: string;

  constructor(
    private readonly view: AdjudicationView,
    private readonly direction: 1 | -1,
  ) {
    this.id = direction === 1 ? 'sourceAnnotator.adjudication.next' : 'sourceAnnotator.adjudication.previous';
  }

  async execute(): Promise<void> {
    const next = this.view.current?.step(this.direction);
    if (next) await this.view.goTo(next);
  }
}

/** A row of the view was chosen: show that disagreement. */
export class GoToDisagreementCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.goTo';

  constructor(private readonly view: AdjudicationView) {}

  async execute(arg?: unknown): Promise<void> {
    const position = this.view.target(arg);
    if (position) await this.view.goTo(position);
  }
}

/** Stop Comparing Annotators: closes the comparison and its decorations. */
export class CloseComparisonCommand implements Command {
  readonly id = 'sourceAnnotator.adjudication.close';

  constructor(private readonly view: AdjudicationView) {}

  execute(): void {
    this.view.stop();
  }
}
