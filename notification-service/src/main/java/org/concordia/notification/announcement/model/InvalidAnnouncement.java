package org.concordia.notification.announcement.model;

import java.util.List;
import java.util.stream.Collectors;
import org.concordia.platform.domain.DomainException;

/** What is wrong with an announcement as written, field by field (400); nothing is stored. */
public class InvalidAnnouncement extends DomainException {

    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public InvalidAnnouncement(List<Problem> problems) {
        super(
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                problems.get(0).field());
        this.problems = List.copyOf(problems);
    }

    public static InvalidAnnouncement of(String field, String message) {
        return new InvalidAnnouncement(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
