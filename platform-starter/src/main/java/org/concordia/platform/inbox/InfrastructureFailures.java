package org.concordia.platform.inbox;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the infrastructure a consumer stands on (its own MongoDB, Kafka, a mail server or webhook
 * endpoint that a handler declares unavailable) from a poison record. The first is retried without limit, because
 * dead-lettering would only move events out of order while nothing is wrong with them; the second is retried a few
 * times and dead-lettered. The whole cause chain is looked at, since the binder and the handlers wrap exceptions.
 */
public final class InfrastructureFailures {

    private InfrastructureFailures() {}

    public static boolean isInfrastructure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof InfrastructureUnavailableException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoExecutionTimeoutException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RetriableException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a record that can never be processed, however often it is retried. */
    public static boolean isMalformed(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }
}
