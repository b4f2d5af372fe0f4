package org.concordia.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index of the file store held in memory, built from the collection's documents when the store opens it (the
 * library fills an empty index as it adds it to its collection). The library's own keeps its keys in an MVStore map
 * that cannot compare them: each comparison of a look-up serialized both keys with Java serialization. Nothing of it
 * is written to the file, so it is always what the documents say.
 */
final class HeldUniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    HeldUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return positions.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        // as the library's own: a map holds no null, so an absent position is kept as Missing
        return positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(keyValue);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
