package org.concordia.identity.directory.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which person an e-mail address (lower case, the {@code _id}) belongs to, so sign-in looks it up by id. */
@Document("emails")
class EmailDocument {

    @Id
    String id;

    String personId;

    EmailDocument(String id, String personId) {
        this.id = id;
        this.personId = personId;
    }
}
