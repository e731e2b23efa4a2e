package org.hearth.simulator.scenario;

import java.io.PrintWriter;

/**
 * Progress of a run: a bar redrawn in place on a terminal, a plain line per finished home otherwise (logs, CI).
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private int done;

    public Progress(PrintWriter out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** One more home finished. */
    public synchronized void homeDone(HomeRun run) {
        done++;
        if (terminal) {
            int filled = WIDTH * done / Math.max(total, 1);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " homes");
            if (done == total) {
                out.println();
            }
        } else {
            out.println("scenario: home " + (run.script().index() + 1) + " done (" + done + "/" + total + ", "
                    + run.published() + " messages, " + run.alertsRaised() + " alerts raised"
                    + run.error().map(e -> ", stopped early: " + e).orElse("") + ")");
        }
        out.flush();
    }
}
