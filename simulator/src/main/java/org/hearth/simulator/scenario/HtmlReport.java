package org.hearth.simulator.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's report: one self-contained HTML file (inline CSS, JS and SVG, nothing fetched) with the scorecard, the
 * ground truth, and per home an activity heatmap (hour of day × day), the alert timeline with each alert's evidence
 * and acknowledgement, and the daily summaries the care record holds. All text is escaped.
 */
public final class HtmlReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final int CELL = 14;

    private HtmlReport() {}

    /**
     * @param run       the run's summary
     * @param scores    one per home
     * @param summaries daily summaries per gateway id (day label to value), empty when the gateway sends none
     */
    public static String render(RunSummary run, List<Score> scores, Map<String, Map<String, Double>> summaries) {
        Scenario sc = run.scenario();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Hearth scenario ").append(esc(sc.name())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        h.append("<h1>Scenario <code>").append(esc(sc.name())).append("</code></h1>\n");
        if (!sc.description().isBlank()) {
            h.append("<p class=\"desc\">").append(esc(sc.description())).append("</p>\n");
        }
        h.append("<p class=\"meta\">").append(run.homes()).append(" home(s) × ").append(sc.days())
                .append(" day(s) from ").append(esc(sc.start().toString())).append(" (").append(esc(sc.zone().getId()))
                .append("), seed ").append(sc.seed()).append(", ").append(esc(run.speedLine())).append("</p>\n");
        scorecard(h, scores);
        groundTruth(h, scores, sc.zone());
        h.append("<p><label><input type=\"checkbox\" id=\"only-failed\"> show only homes that failed</label></p>\n");
        for (Score s : scores) {
            home(h, s, sc, summaries.getOrDefault(s.home().gatewayId(), Map.of()));
        }
        h.append("<script>").append(JS).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void scorecard(StringBuilder h, List<Score> scores) {
        long[] t = new long[7];
        for (Score s : scores) {
            t[0] += s.count(Score.Result.DETECTED);
            t[1] += s.count(Score.Result.LATE);
            t[2] += s.count(Score.Result.MISSED);
            t[3] += s.count(Score.Result.VIOLATED) + s.falseAlerts().size();
            t[4] += s.duplicates();
            t[5] += s.count(Score.Result.PENDING);
            t[6] += s.alerts().size();
        }
        h.append("<h2>Scorecard</h2>\n<table class=\"scorecard\"><tr><th>detected</th><th>late</th><th>missed</th>")
                .append("<th>false</th><th>duplicate</th><th>pending</th><th>alerts received</th></tr><tr>");
        String[] cls = {"ok", "warn", "bad", "warn", "bad", "pending", ""};
        for (int i = 0; i < t.length; i++) {
            h.append("<td class=\"").append(t[i] > 0 ? cls[i] : "").append("\" data-score=\"").append(i).append("\">")
                    .append(t[i]).append("</td>");
        }
        h.append("</tr></table>\n");
    }

    private static void groundTruth(StringBuilder h, List<Score> scores, ZoneId zone) {
        h.append("<h2>Ground truth</h2>\n<table class=\"truth\"><tr><th>home</th><th>injected</th>")
                .append("<th>expected</th><th>result</th><th>alert raised</th></tr>\n");
        for (Score s : scores) {
            for (Score.Outcome o : s.outcomes()) {
                Expectation e = o.expectation();
                String expected = e.alert().map(c -> c + " by " + when(e.by(), zone))
                        .orElse("no " + e.guarded() + " until " + when(e.by(), zone));
                String result = o.result().name().toLowerCase(Locale.ROOT)
                        + (o.missing().isEmpty() ? "" : " (needs " + String.join(", ", o.missing()) + ")");
                h.append("<tr class=\"r-").append(o.result().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                        .append(s.home().script().index() + 1).append("</td><td>").append(esc(e.label()))
                        .append("</td><td>expected: ").append(esc(expected)).append("</td><td>").append(esc(result))
                        .append("</td><td>").append(esc(o.alert().map(a -> when(a.raisedAt(), zone)).orElse("")))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void home(StringBuilder h, Score s, Scenario sc, Map<String, Double> summary) {
        HomeRun run = s.home();
        h.append("<section class=\"home").append(s.failed() ? " failed" : "").append("\" id=\"home-")
                .append(run.script().index() + 1).append("\">\n<h2>Home ").append(run.script().index() + 1)
                .append(" <small>gateway ").append(esc(run.gatewayId())).append(", resident seed ")
                .append(run.script().seed()).append(", ").append(run.published()).append(" messages")
                .append("</small></h2>\n");
        run.error().ifPresent(e -> h.append("<p class=\"bad\">stopped early: ").append(esc(e)).append("</p>\n"));
        heatmap(h, run.activity(), sc);
        h.append("<h3>Alerts (").append(s.alerts().size()).append(")</h3>\n<ol class=\"timeline\">\n");
        for (ReceivedAlert a : s.alerts()) {
            boolean isFalse = s.falseAlerts().contains(a);
            h.append("<li class=\"alert").append(isFalse ? " false" : "").append("\"><time>")
                    .append(esc(when(a.raisedAt(), sc.zone()))).append("</time> <b>").append(esc(a.code()))
                    .append("</b> <span class=\"prio\">").append(esc(a.priority())).append("</span> ")
                    .append("<span class=\"ack ack-").append(esc(a.status())).append("\">")
                    .append(esc(a.status().equals("requested") ? "not acknowledged" : a.status())).append("</span>")
                    .append(isFalse ? " <span class=\"bad\">false</span>" : "")
                    .append(a.copies() > 1 ? " <span class=\"bad\">×" + a.copies() + " duplicate</span>" : "")
                    .append("<div>").append(esc(a.description())).append("</div><details><summary>evidence</summary><ul>");
            for (String line : a.evidence()) {
                h.append("<li>").append(esc(line)).append("</li>");
            }
            h.append("</ul></details></li>\n");
        }
        h.append("</ol>\n");
        summary(h, summary);
        h.append("</section>\n");
    }

    private static void heatmap(StringBuilder h, int[][] grid, Scenario sc) {
        int max = 1;
        for (int[] day : grid) {
            for (int v : day) {
                max = Math.max(max, v);
            }
        }
        int left = 80;
        int width = left + 24 * CELL + 10;
        int height = 20 + grid.length * CELL;
        h.append("<h3>Activity (hour of day × day)</h3>\n<svg class=\"heatmap\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"activity heatmap\">");
        for (int hour = 0; hour < 24; hour += 3) {
            h.append("<text x=\"").append(left + hour * CELL).append("\" y=\"12\" class=\"ax\">").append(hour)
                    .append("</text>");
        }
        for (int d = 0; d < grid.length; d++) {
            int y = 18 + d * CELL;
            h.append("<text x=\"0\" y=\"").append(y + CELL - 3).append("\" class=\"ax\">")
                    .append(esc(sc.start().plusDays(d).toString())).append("</text>");
            for (int hour = 0; hour < 24; hour++) {
                int v = grid[d][hour];
                double level = v == 0 ? 0 : 0.15 + 0.85 * v / max;
                h.append("<rect class=\"hm-cell\" x=\"").append(left + hour * CELL).append("\" y=\"").append(y)
                        .append("\" width=\"").append(CELL - 1).append("\" height=\"").append(CELL - 1)
                        .append("\" fill-opacity=\"").append(String.format(Locale.ROOT, "%.2f", level))
                        .append("\" data-count=\"").append(v).append("\"><title>")
                        .append(esc(sc.start().plusDays(d) + " " + hour + ":00 — " + v + " reports")).append("</title></rect>");
            }
        }
        h.append("</svg>\n");
    }

    private static void summary(StringBuilder h, Map<String, Double> summary) {
        h.append("<h3>Daily summaries</h3>\n");
        if (summary.isEmpty()) {
            h.append("<p class=\"muted\">none in the care record for this home</p>\n");
            return;
        }
        double max = summary.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int bar = 18;
        h.append("<svg class=\"summary\" width=\"").append(summary.size() * (bar + 4) + 10).append("\" height=\"70\">");
        int i = 0;
        for (Map.Entry<String, Double> e : summary.entrySet()) {
            int hgt = (int) Math.round(50 * e.getValue() / Math.max(max, 1e-9));
            h.append("<rect class=\"sum-bar\" x=\"").append(i * (bar + 4)).append("\" y=\"").append(55 - hgt)
                    .append("\" width=\"").append(bar).append("\" height=\"").append(hgt).append("\"><title>")
                    .append(esc(e.getKey() + ": " + e.getValue())).append("</title></rect>");
            i++;
        }
        h.append("</svg>\n");
    }

    private static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.5em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.5em}
            small,.muted,.meta{color:#666}table{border-collapse:collapse;margin:.5em 0}
            td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
            .scorecard td{font-size:1.4em;text-align:center;min-width:4em}
            .ok{background:#e5f5e0}.warn{background:#fff3cd}.bad{background:#f8d7da;color:#842029}
            .pending{background:#e7e7f7}.r-missed,.r-violated{background:#f8d7da}.r-late{background:#fff3cd}
            .r-pending{color:#666}.r-detected{background:#f3fbf1}
            .heatmap rect{fill:#1f6f8b}.heatmap rect[data-count="0"]{fill:#eef2f4;fill-opacity:1}
            .ax{font-size:10px;fill:#555}.timeline{padding-left:1.2em}.timeline li.alert{margin:.4em 0}
            .alert.false{border-left:3px solid #c33;padding-left:.4em}.ack{font-size:.85em;padding:0 .3em;
            border-radius:3px;background:#eee}.ack-completed,.ack-accepted,.ack-in-progress{background:#d1e7dd}
            .sum-bar{fill:#6a8d3a}.home.hidden{display:none}details{font-size:.9em;color:#444}
            """;

    private static final String JS = """
            (function () {
              var box = document.getElementById('only-failed');
              if (!box) { return; }
              box.addEventListener('change', function () {
                var homes = document.querySelectorAll('section.home');
                for (var i = 0; i < homes.length; i++) {
                  var hide = box.checked && !homes[i].classList.contains('failed');
                  homes[i].classList.toggle('hidden', hide);
                }
              });
            })();
            """;
}
