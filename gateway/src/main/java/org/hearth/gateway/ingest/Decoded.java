package org.hearth.gateway.ingest;

import java.util.List;
import org.hearth.rules.model.SensorEvent;

/** What a decoder made of one message. */
public sealed interface Decoded {

    /** A message Hearth understood; it may carry no event (e.g. a battery-only report). */
    record Accepted(List<SensorEvent> events) implements Decoded {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** A well-formed message Hearth deliberately does not use (e.g. bridge logging). Not an error. */
    record Ignored(String why) implements Decoded {}

    /** A message turned away, with its reason. */
    record Rejected(RejectReason reason) implements Decoded {}
}
