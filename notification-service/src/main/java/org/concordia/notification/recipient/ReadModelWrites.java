package org.concordia.notification.recipient;

/**
 * What a poll of events teaches the read model, written together. While a thread holds its writes, each write of
 * the read model waits; the waiting ones are written with one {@code _id $in} read and one bulk write per collection
 * when the thread next reads the read model, writes a document that is waiting already, or flushes. Each write still
 * decides on the document as it is then, so holding changes the number of round trips, never the outcome.
 */
public interface ReadModelWrites {

    /** From now on this thread's writes of the read model wait; anything left waiting from before is dropped. */
    void hold();

    /** Writes what waits. */
    void flush();

    /** Stops holding; anything still waiting (after a failure) is dropped, as its events will be handled again. */
    void release();
}
