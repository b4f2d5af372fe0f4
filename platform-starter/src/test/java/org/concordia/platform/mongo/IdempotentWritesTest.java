package org.concordia.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Bulk writes where a taken key means "written before", against the store the tests run on. */
@SpringBootTest
@WithInfrastructure
class IdempotentWritesTest {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_insert_leaves_the_documents_written_before_as_they_were_and_writes_the_others() {
        MongoCollection<Document> collection = fresh();
        collection.insertMany(
                List.of(new Document("_id", "a").append("v", 1), new Document("_id", "b").append("v", 1)));

        var existing = IdempotentWrites.insertNew(
                collection,
                List.of(
                        new Document("_id", "b").append("v", 2),
                        new Document("_id", "c").append("v", 2),
                        new Document("_id", "a").append("v", 2)));

        assertThat(existing).containsExactlyInAnyOrder(0, 2);
        assertThat(values(collection)).containsExactly("a=1", "b=1", "c=2");
        assertThat(IdempotentWrites.insertNew(collection, List.of())).isEmpty();
    }

    @Test
    void upserts_that_meet_a_taken_key_are_left_and_the_others_applied() {
        MongoCollection<Document> collection = fresh();
        collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        collection.insertOne(
                new Document("_id", "a").append("email", "ana@example.org").append("v", 1));

        List<WriteModel<Document>> writes = List.of(
                new UpdateOneModel<>(Filters.eq("_id", "b"), Updates.setOnInsert("email", "ana@example.org"), UPSERT),
                new UpdateOneModel<>(
                        Filters.eq("_id", "c"),
                        Updates.combine(Updates.setOnInsert("email", "ivo@example.org"), Updates.set("v", 2)),
                        UPSERT));

        assertThat(IdempotentWrites.bulkWrite(collection, writes)).containsExactly(0);
        assertThat(values(collection)).containsExactly("a=1", "c=2");
    }

    @Test
    void any_other_error_is_thrown() {
        MongoCollection<Document> collection = fresh();
        collection.insertOne(new Document("_id", "a").append("v", "text"));

        List<WriteModel<Document>> writes =
                List.of(new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.inc("v", 1), UPSERT));

        assertThatThrownBy(() -> IdempotentWrites.bulkWrite(collection, writes))
                .isInstanceOf(MongoBulkWriteException.class);
    }

    private MongoCollection<Document> fresh() {
        return mongo.getCollection("writes_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static List<String> values(MongoCollection<Document> collection) {
        List<String> values = new ArrayList<>();
        collection.find().sort(Indexes.ascending("_id")).forEach(d -> values.add(d.get("_id") + "=" + d.get("v")));
        return values;
    }
}
