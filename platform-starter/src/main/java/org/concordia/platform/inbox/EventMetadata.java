package org.concordia.platform.inbox;

import java.time.Instant;

/** The CloudEvents attributes of an event a consumer received. */
public record EventMetadata(String id, String type, String source, String subject, Instant time) {}
