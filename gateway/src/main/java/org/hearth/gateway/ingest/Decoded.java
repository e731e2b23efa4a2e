package org.hearth.gateway.ingest;

import java.time.Instant;
import java.util.List;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.model.SensorEvent;

/** What a decoder made of one message. */
public sealed interface Decoded {

    /**
     * A message Hearth understood; it may carry no event. Some of its fields may have been turned away on their own
     * (e.g. a {@code battery} of 250 %): each is counted under its reason, and the message's good fields still count.
     *
     * @param events          the events it carries
     * @param fieldRejections the reasons of the fields turned away, one per field (usually none)
     */
    record Accepted(List<SensorEvent> events, List<RejectReason> fieldRejections) implements Decoded {
        public Accepted {
            events = List.copyOf(events);
            fieldRejections = List.copyOf(fieldRejections);
        }

        /** A message all of whose fields were good. */
        public Accepted(List<SensorEvent> events) {
            this(events, List.of());
        }
    }

    /** A well-formed message Hearth deliberately does not use (e.g. bridge logging). Not an error. */
    record Ignored(String why) implements Decoded {}

    /**
     * A Hearth topic message ({@link HearthTopicDecoder}) Hearth understood: sensor events, or one accelerometer batch.
     * The caller tells the decoder once it is stored ({@link HearthTopicDecoder#markSeen}), so that a redelivery is
     * recognised as a duplicate but a message whose storing failed is not.
     *
     * @param sensorId the configured sensor's id
     * @param seq      the sensor's sequence number
     * @param sentAt   the sensor's timestamp ({@code t})
     * @param events   the events it carries (none for an accelerometer batch)
     * @param batch    the accelerometer batch, or null for an event message
     */
    record Sequenced(String sensorId, long seq, Instant sentAt, List<SensorEvent> events, AccelBatch batch)
            implements Decoded {
        public Sequenced {
            events = List.copyOf(events);
        }
    }

    /** A message turned away, with its reason. */
    record Rejected(RejectReason reason) implements Decoded {}
}
