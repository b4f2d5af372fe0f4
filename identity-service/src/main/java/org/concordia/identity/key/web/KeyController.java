package org.concordia.identity.key.web;

import io.swagger.v3.oas.annotations.Operation;
import org.concordia.identity.key.SigningKeys;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationRoles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KeyController {

    private final SigningKeys keys;
    private final OrganizationRoles roles;

    KeyController(SigningKeys keys, OrganizationRoles roles) {
        this.keys = keys;
        this.roles = roles;
    }

    @PostMapping("/api/v1/signing-keys/rotation")
    @Operation(
            summary = "Rotate the signing key",
            description = "Operators only. A new key signs from now on; the previous one stays on the JWKS so that"
                    + " tokens it signed verify until they expire, and is dropped by a later rotation.")
    SigningKeys.Rotation rotate(Caller caller) {
        roles.requireOperator(caller);
        return keys.rotate();
    }
}
