package org.concordia.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/** mongo-java-server's memory backend, with reads by a list of ids matched through {@link IdLists}. */
final class MemoryStore extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class Collection extends MemoryCollection {

        private final IdLists idLists = new IdLists();

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry registry) {
            super(database, collectionName, options, registry);
        }

        /**
         * The size of the collection's data is not kept: it is only reported by {@code collStats}, which nothing here
         * reads, and keeping it encoded every document again on each insert, update and delete (twice per update).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Boolean matches = idLists.matches(document, query);
            return matches != null ? matches : super.documentMatchesQuery(document, query);
        }
    }
}
