package org.concordia.meeting.registration.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.concordia.platform.domain.Coded;

/** @param personId the invitee answering (identity comes later; for now the caller names the person) */
record AnswerRequest(
        @NotBlank @Size(max = 64) String personId, @NotNull Answer answer) {

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
