/**
 * The domain events Concordia's services publish on Kafka, as immutable records, with the
 * catalogue that maps each record to its CloudEvents type, topic and source.
 *
 * <p>Evolution rule: within a {@code .vN} type only fields may be added, and only nullable
 * ones, so that events written before the change still deserialize. Consumers ignore unknown
 * fields and treat unknown values of open string sets (kinds, roles, statuses, formats) as
 * "other". A breaking change is a new type, published beside the old one.
 */
@NullMarked
package org.concordia.contracts;

import org.jspecify.annotations.NullMarked;
