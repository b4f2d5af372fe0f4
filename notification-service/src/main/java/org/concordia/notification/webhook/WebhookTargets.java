package org.concordia.notification.webhook;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may point: an {@code https://} address (plain http only where configured, for local use) of a
 * public host. Loopback, private, shared (carrier-grade NAT), link-local (cloud metadata among them), unique-local,
 * multicast and unspecified addresses are refused unless listed in {@code allowed-addresses}, so that a webhook
 * cannot make the service call into its own network. Checked when a webhook is registered and again before each
 * delivery, after resolving the host's name: a name that resolves to such an address then is refused too.
 */
@Component
public class WebhookTargets {

    /** Resolves a host name to its addresses; the system resolver outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target the service will not call. */
    public static class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean allowHttp;
    private final List<Range> allowed;
    private final Resolver resolver;

    @Autowired
    WebhookTargets(
            @Value("${concordia.notification.webhooks.allow-http:false}") boolean allowHttp,
            @Value("${concordia.notification.webhooks.allowed-addresses:}") List<String> allowedAddresses) {
        this(allowHttp, allowedAddresses, InetAddress::getAllByName);
    }

    public WebhookTargets(boolean allowHttp, List<String> allowedAddresses, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowed = allowedAddresses.stream()
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .map(Range::parse)
                .toList();
        this.resolver = resolver;
    }

    /**
     * At registration: the address must be well formed and allowed; a host name that cannot be resolved now is
     * accepted and checked at each delivery.
     *
     * @throws RuleViolationException (400, naming {@code url}) when it is not
     */
    public URI registrable(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RuleViolationException("url is not an address", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RuleViolationException(
                    allowHttp ? "url must be an http:// or https:// address" : "url must be an https:// address",
                    "url");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RuleViolationException("url must name a host", "url");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RuleViolationException("url must not carry credentials", "url");
        }
        try {
            check(uri);
        } catch (UnknownHostException e) {
            return uri;
        } catch (Refused e) {
            throw new RuleViolationException(e.getMessage(), "url");
        }
        return uri;
    }

    /**
     * Before a delivery: the host resolves, and to allowed addresses only.
     *
     * @throws Refused when it does not
     */
    public void deliverable(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused("only https:// addresses are posted to");
        }
        try {
            check(uri);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + uri.getHost() + " cannot be resolved");
        }
    }

    private void check(URI uri) throws Refused, UnknownHostException {
        String host = uri.getHost();
        if (host == null) {
            throw new Refused("the address names no host");
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(r -> r.contains(address))) {
                throw new Refused("url must lead to a public address, not to " + host
                        + (host.equals(address.getHostAddress()) ? "" : " (" + address.getHostAddress() + ")"));
            }
        }
    }

    /** Whether the address belongs to a host's own or a private network rather than the public internet. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // this network
                    || (first == 100 && second >= 64 && second < 128) // shared address space (carrier-grade NAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            boolean compatible = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12]);
            if (nat64 || compatible) { // an IPv4 address inside: judge that one
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An address or a block of addresses in CIDR notation, e.g. {@code 127.0.0.1} or {@code 10.0.0.0/8}. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] network = literal(address);
            if (network == null) {
                throw new IllegalArgumentException(
                        "concordia.notification.webhooks.allowed-addresses takes IP addresses or CIDR blocks, not "
                                + text);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new Range(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        private static byte @Nullable [] literal(String address) {
            boolean looksNumeric = address.contains(":") || address.matches("[0-9.]+");
            if (!looksNumeric) {
                return null;
            }
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
