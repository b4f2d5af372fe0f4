package org.concordia.console.meeting;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An invitee's name from the meeting's own list ({@code ${@names.of(meeting, personId)}}). */
@Component("names")
public class InviteeNames {

    public String of(Map<String, Object> meeting, String personId) {
        if (meeting.get("invitees") instanceof List<?> invitees) {
            for (Object invitee : invitees) {
                if (invitee instanceof Map<?, ?> i && personId.equals(i.get("personId"))) {
                    return String.valueOf(i.get("fullName"));
                }
            }
        }
        return personId;
    }
}
