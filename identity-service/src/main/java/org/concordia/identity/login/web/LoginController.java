package org.concordia.identity.login.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.concordia.identity.login.GivingLogins;
import org.concordia.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class LoginController {

    private final GivingLogins giving;

    LoginController(GivingLogins giving) {
        this.giving = giving;
    }

    @PostMapping("/api/v1/people/{personId}/login")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Give a person a login",
            description = "Sends the person a one-time link to set their password. Coordinators of one of the"
                    + " person's organizations (or of its parent) and operators only. Sending it again replaces"
                    + " nothing: every link works once until it expires.")
    GivingLogins.LinkSent giveLogin(
            Caller caller,
            @PathVariable @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be an id")
                    String personId) {
        return giving.giveLogin(caller, personId);
    }
}
