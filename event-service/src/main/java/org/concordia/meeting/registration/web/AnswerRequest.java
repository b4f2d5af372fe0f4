package org.concordia.meeting.registration.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.concordia.platform.domain.Coded;
import org.jspecify.annotations.Nullable;

/**
 * @param personId the invitee the answer is for: the caller when absent, or a person a coordinator answers for
 * @param occurrence for a series, the occurrence answered (its recurrence id, as in the meeting's occurrences);
 *     absent, the answer is for every occurrence still to come
 */
record AnswerRequest(
        @Nullable @Size(min = 1, max = 64) String personId,
        @NotNull Answer answer,
        @Nullable OffsetDateTime occurrence) {

    enum Answer implements Coded {
        ACCEPTED,
        DECLINED,
        TENTATIVE;

        @Override
        public String code() {
            return Coded.codeOf(this);
        }

        @Override
        public String toString() {
            return code();
        }
    }
}
