package org.concordia.identity.signin;

import org.concordia.identity.directory.Directory;
import org.concordia.identity.directory.Person;
import org.concordia.identity.login.Credentials;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * People sign in with their e-mail address; the signed-in principal is their person id, so that tokens name the
 * person ({@code sub}) however often the address changes.
 */
@Component
class PeopleSignIn implements UserDetailsService {

    private static final int MAX_EMAIL = 320;

    private final Directory directory;
    private final Credentials credentials;

    PeopleSignIn(Directory directory, Credentials credentials) {
        this.directory = directory;
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (email.isBlank() || email.length() > MAX_EMAIL) {
            throw new UsernameNotFoundException("no login");
        }
        Person person =
                directory.personByEmail(email.strip()).orElseThrow(() -> new UsernameNotFoundException("no login"));
        String hash = credentials
                .passwordHash(person.personId())
                .orElseThrow(() -> new UsernameNotFoundException("no login"));
        return User.withUsername(person.personId())
                .password(hash)
                .authorities("ROLE_PERSON")
                .build();
    }
}
