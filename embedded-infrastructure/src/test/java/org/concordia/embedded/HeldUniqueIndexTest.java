package org.concordia.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store's unique indexes, held in memory, refuse duplicates as the library's do, before and after reopening. */
class HeldUniqueIndexTest {

    @Test
    void duplicatesAreRefusedBeforeAndAfterTheFileIsOpenedAgain(@TempDir Path folder) {
        Path file = folder.resolve("unique.mv.db");
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> people = people(client);
            people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            people.insertMany(List.of(
                    new Document("_id", "anna").append("email", "anna@example.org"),
                    new Document("_id", "piotr").append("email", "piotr@example.org")));

            assertRefused(people, new Document("_id", "anna").append("email", "other@example.org"));
            assertRefused(people, new Document("_id", "maria").append("email", "piotr@example.org"));
            // an update moves the document's key in the index: the old e-mail is free, the new one taken
            people.updateOne(Filters.eq("_id", "piotr"), Updates.set("email", "p@example.org"));
            people.insertOne(new Document("_id", "maria").append("email", "piotr@example.org"));
            people.deleteOne(Filters.eq("_id", "maria"));
        }
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> people = people(client);

            assertThat(people.find(Filters.eq("_id", "piotr")).first()).containsEntry("email", "p@example.org");
            assertThat(people.find(Filters.eq("email", "anna@example.org")).first())
                    .containsEntry("_id", "anna");
            assertThat(people.countDocuments()).isEqualTo(2);
            assertRefused(people, new Document("_id", "anna"));
            assertRefused(people, new Document("_id", "ewa").append("email", "p@example.org"));
            people.insertOne(new Document("_id", "maria").append("email", "piotr@example.org"));
            assertThat(people.countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aFileTheLibraryWroteOpensWithItsDocumentsAndIndexes(@TempDir Path folder) {
        Path file = folder.resolve("library.mv.db");
        H2Backend backend = new H2Backend(file.toString());
        MongoServer library = new MongoServer(backend);
        try {
            InetSocketAddress address = library.bind();
            try (MongoClient client =
                    MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                MongoCollection<Document> people = people(client);
                people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
                people.insertMany(List.of(
                        new Document("_id", "anna").append("email", "anna@example.org"),
                        new Document("_id", "piotr").append("email", "piotr@example.org")));
            }
        } finally {
            library.shutdownNow();
        }
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> people = people(client);

            assertThat(people.find(Filters.in("_id", "anna", "piotr")).into(new ArrayList<>()))
                    .hasSize(2);
            assertRefused(people, new Document("_id", "piotr"));
            assertRefused(people, new Document("_id", "maria").append("email", "anna@example.org"));
        }
    }

    private static MongoCollection<Document> people(MongoClient client) {
        return client.getDatabase("d").getCollection("people");
    }

    private static void assertRefused(MongoCollection<Document> people, Document duplicate) {
        assertThatThrownBy(() -> people.insertOne(duplicate))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
    }
}
