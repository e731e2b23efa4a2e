/**
 * The daily summary of one local day (design.md §4): activity by hour, room transitions, night bathroom visits, time
 * in bed, time out of home, first and last activity, kettle uses, and the day's deviations from the resident's own
 * baseline, learnt with exponential forgetting. Pure and deterministic: events, a day and a layout in, a value out.
 * Depends on {@code org.hearth.rules.model} only.
 */
package org.hearth.rules.summary;
