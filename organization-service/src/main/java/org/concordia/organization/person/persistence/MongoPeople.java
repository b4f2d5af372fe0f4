package org.concordia.organization.person.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concordia.organization.common.model.Text;
import org.concordia.organization.common.persistence.Indexes;
import org.concordia.organization.person.model.People;
import org.concordia.organization.person.model.Person;
import org.concordia.platform.outbox.AggregateStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoPeople implements People, InitializingBean {

    static final String UNIQUE_EMAIL = "unique_email";
    private static final Sort ORDER = Sort.by("nameKey", "_id");

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoPeople(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Indexes.declare(
                mongo,
                PersonDocument.class,
                new Index().on("emailKey", Sort.Direction.ASC).unique().named(UNIQUE_EMAIL));
        Indexes.declare(
                mongo,
                PersonDocument.class,
                new Index()
                        .on("nameKey", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC)
                        .named("by_name"));
    }

    @Override
    public Optional<Person> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, PersonDocument.class)).map(PersonDocument::toModel);
    }

    @Override
    public List<Person> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PersonDocument.class).stream()
                .map(PersonDocument::toModel)
                .toList();
    }

    @Override
    public Optional<Person> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(Criteria.where("emailKey").is(email.strip().toLowerCase(Locale.ROOT))),
                        PersonDocument.class))
                .map(PersonDocument::toModel);
    }

    @Override
    public Person add(Person person) {
        return store.insert(PersonDocument.of(person), person.pullEvents()).toModel();
    }

    @Override
    public Person update(Person person) {
        return store.update(PersonDocument.of(person), person.pullEvents()).toModel();
    }

    @Override
    public List<Person> search(String nameContains, int offset, int limit) {
        return mongo.find(query(nameContains).with(ORDER).skip(offset).limit(limit), PersonDocument.class).stream()
                .map(PersonDocument::toModel)
                .toList();
    }

    @Override
    public long count(String nameContains) {
        return mongo.count(query(nameContains), PersonDocument.class);
    }

    private static Query query(String nameContains) {
        if (nameContains == null || nameContains.isBlank()) {
            return new Query();
        }
        return Query.query(Criteria.where("nameKey").regex(Pattern.quote(Text.key(nameContains))));
    }
}
