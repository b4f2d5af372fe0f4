package org.concordia.notification.recipient.persistence;

import org.concordia.notification.recipient.ReadModelWrites;
import org.springframework.stereotype.Component;

/** Holds a thread's read-model writes in {@link Collections}, where every write and read of the read model passes. */
@Component
class MongoReadModelWrites implements ReadModelWrites {

    @Override
    public void hold() {
        Collections.hold();
    }

    @Override
    public void flush() {
        Collections.flush();
    }

    @Override
    public void release() {
        Collections.release();
    }
}
