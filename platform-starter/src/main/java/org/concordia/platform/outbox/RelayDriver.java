package org.concordia.platform.outbox;

/**
 * What makes the relay look for pending outboxes besides the writes' own requests to publish at once: polling the
 * aggregate collections ({@link PollingDriver}, the default) or a MongoDB change stream
 * ({@link ChangeStreamDriver}), chosen by {@code concordia.outbox.driver}. Both hand their findings to the same
 * publishing path, so claims, order and parking work the same whichever drives.
 */
interface RelayDriver {

    void start();

    void stop();
}
