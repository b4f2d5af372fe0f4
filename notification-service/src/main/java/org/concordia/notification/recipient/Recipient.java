package org.concordia.notification.recipient;

/**
 * A person an audience expanded to, with what rendering and delivery need and why they are told.
 *
 * @param language BCP 47 tag the person wants to be addressed in
 * @param zone IANA time zone id in which times are shown to them
 */
public record Recipient(String personId, String name, String email, String language, String zone, Reason reason) {}
