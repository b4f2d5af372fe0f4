package org.concordia.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads by a list of ids answer as they do without the faster matching, on both stores. */
class IdListsTest {

    private static final List<Bson> QUERIES = List.of(
            Filters.in("_id", "a", "c", "zz"),
            Filters.in("_id", List.of()),
            Filters.in("_id", "a", 1, 2L, 3.0),
            Filters.in("_id", 1, 2L),
            Filters.in("_id", Pattern.compile("^b")),
            Filters.and(Filters.in("_id", "a", "b"), Filters.eq("size", 2)),
            Filters.in("name", "a", "b"),
            Filters.nin("_id", "a", "b"),
            Filters.in("_id", IntStream.range(0, 500).mapToObj(i -> "n" + i).toList()));

    @Test
    void aListOfIdsReadsTheSameDocumentsAsTheLibrary(@TempDir Path folder) {
        List<List<Document>> plain;
        MongoServer library = new MongoServer(new MemoryBackend());
        try {
            InetSocketAddress address = library.bind();
            plain = answers("mongodb://" + address.getHostString() + ":" + address.getPort());
        } finally {
            library.shutdownNow();
        }
        List<List<Document>> memory;
        try (WireProtocolMongo mongo = WireProtocolMongo.start(0)) {
            memory = answers(mongo.connectionString());
        }
        List<List<Document>> file;
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(folder.resolve("ids.mv.db"), 0)) {
            file = answers(mongo.connectionString());
        }

        assertThat(memory).isEqualTo(plain);
        assertThat(file).isEqualTo(plain);
        assertThat(plain.get(0)).extracting(d -> d.get("_id")).containsExactly("a", "c");
        assertThat(plain.get(2)).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("a", 1, 2L, 3);
        assertThat(plain.get(8)).hasSize(500);
    }

    @Test
    void aFileWrittenWithTheFasterMatchingOpensAgainWithItsCollections(@TempDir Path folder) {
        Path file = folder.resolve("again.mv.db");
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("d")
                    .getCollection("c")
                    .insertMany(List.of(new Document("_id", "x"), new Document("_id", "y")));
        }
        try (WireProtocolMongo mongo = WireProtocolMongo.startWithFile(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            assertThat(c.find(Filters.in("_id", "y", "q")).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id"))
                    .containsExactly("y");
            assertThat(c.countDocuments()).isEqualTo(2);
        }
    }

    private static List<List<Document>> answers(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> c = client.getDatabase("ids").getCollection("things");
            List<Document> documents = new ArrayList<>(List.of(
                    new Document("_id", "a").append("size", 1).append("name", "a"),
                    new Document("_id", "b").append("size", 2).append("name", "b"),
                    new Document("_id", "c").append("size", 3),
                    new Document("_id", 1),
                    new Document("_id", 2L),
                    new Document("_id", 3),
                    new Document("_id", new ObjectId("65a000000000000000000001"))));
            IntStream.range(0, 600).forEach(i -> documents.add(new Document("_id", "n" + i)));
            c.insertMany(documents);
            List<List<Document>> answers = new ArrayList<>();
            for (Bson query : QUERIES) {
                answers.add(c.find(query).sort(new Document("_id", 1)).into(new ArrayList<>()));
            }
            return answers;
        }
    }
}
