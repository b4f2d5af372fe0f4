package org.concordia.console.api;

/** The session holds no usable access token any more (expired, or never there): the person signs in again. */
public class SignInAgain extends RuntimeException {

    public SignInAgain(String message) {
        super(message);
    }
}
