package org.concordia.notification.notice;

import org.concordia.contracts.DomainEvent;

/**
 * What other parts of the service do after a meeting event was learnt and told (reminders follow the meeting).
 * Called on every delivery of the event, so implementations are idempotent.
 */
public interface MeetingChanges {

    void changed(DomainEvent event);
}
