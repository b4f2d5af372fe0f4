package org.concordia.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Matches {@code {_id: {$in: [...]}}} with a hash set. mongo-java-server checks each document its {@code _id} index
 * found against the query again, comparing the id with every listed value in turn, so a read of n documents by
 * {@code _id $in} costs n² comparisons: most of the store's time for reads of a thousand ids. For a list of strings
 * the answer is the same as the library's (a string equals only the same string after its value normalization); any
 * other query, or a list holding anything but strings, is left to the library.
 *
 * <p>Each collection is used by one thread at a time (the library synchronizes on it), so the set of the latest list
 * is kept for the documents of the same query.
 */
final class IdLists {

    private static final String ID = "_id";
    private static final String IN = "$in";

    private Collection<?> list;
    private Set<String> set;

    /** @return whether the document matches, or {@code null} when the library must decide */
    Boolean matches(Document document, Document query) {
        Set<String> ids = ids(query);
        if (ids == null) {
            return null;
        }
        return document.get(ID) instanceof String id && ids.contains(id);
    }

    private Set<String> ids(Document query) {
        if (query.size() != 1 || !(query.get(ID) instanceof Document condition) || condition.size() != 1) {
            return null;
        }
        if (!(condition.get(IN) instanceof Collection<?> values)) {
            return null;
        }
        if (values == list) {
            return set;
        }
        Set<String> strings = new HashSet<>(values.size() * 2);
        for (Object value : values) {
            if (!(value instanceof String s)) {
                return null;
            }
            strings.add(s);
        }
        list = values;
        set = strings;
        return strings;
    }
}
