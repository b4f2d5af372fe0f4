package org.concordia.notification.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The webhooks of organizations, one per organization ({@code _id} = organization id). */
public interface Webhooks {

    Optional<Webhook> find(String organizationId);

    /** The enabled webhooks among these organizations' (one {@code _id $in} look-up). */
    List<Webhook> enabled(Collection<String> organizationIds);

    void save(Webhook webhook);

    /** @return whether there was one to remove */
    boolean remove(String organizationId);

    /** Counts a failure; at {@code limit} consecutive failures the webhook is disabled with the reason. */
    void failed(String organizationId, String error, int limit);

    void succeeded(String organizationId);
}
