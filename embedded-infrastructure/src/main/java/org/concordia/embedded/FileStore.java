package org.concordia.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's file backend (H2 MVStore), with reads by a list of ids matched through {@link IdLists}. The
 * collections keep the backend's own map names ({@code databases.} and {@code meta.} before the namespace), so a file
 * written by either opens in the other. Unique indexes ({@code _id} among them) are held in memory
 * ({@link HeldUniqueIndex}) and built from the documents on opening: the index maps a file may hold are left as they
 * are.
 */
final class FileStore extends H2Backend {

    FileStore(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * Inner, so that its collections reach the store through the backend: the library opens a database's collections
     * from the database's constructor, before any field of a subclass is set.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new HeldUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        private final IdLists idLists = new IdLists();

        Collection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry registry) {
            super(database, collectionName, options, data, meta, registry);
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
