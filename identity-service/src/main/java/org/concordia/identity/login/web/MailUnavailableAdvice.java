package org.concordia.identity.login.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A password link that cannot be sent is the mail server's trouble: 503, and the coordinator may try again. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 30)
class MailUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(MailUnavailableAdvice.class);

    @ExceptionHandler(MailException.class)
    ResponseEntity<ProblemDetail> mailUnavailable(MailException ex) {
        log.warn("A password link could not be sent: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The link could not be sent by e-mail; try again later");
        problem.setType(URI.create("https://concordia.org/problems/mail-unavailable"));
        problem.setTitle("Mail unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "60")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
