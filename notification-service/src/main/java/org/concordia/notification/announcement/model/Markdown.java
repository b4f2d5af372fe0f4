package org.concordia.notification.announcement.model;

import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The safe Markdown subset of announcement bodies: CommonMark without raw HTML, links only to http, https and
 * mailto. Rendered to sanitized HTML (whatever the Markdown held, the OWASP policy lets through only formatting,
 * blocks and safe links) and to plain text. Raw HTML is refused when written and dropped when rendered. Rendering happens where the text is shown, so that a body that reached
 * the topic by another way is made safe there too.
 */
public final class Markdown {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT =
            TextContentRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("pre", "hr").toFactory());

    private Markdown() {}

    /** Whether the text holds raw HTML (a block or inline tag), which announcements do not accept. */
    public static boolean hasRawHtml(String markdown) {
        boolean[] found = {false};
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                found[0] = true;
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** Sanitized HTML: no script, no event handler, no link but http, https and mailto. */
    public static String html(String markdown) {
        return POLICY.sanitize(HTML.render(parsed(markdown)));
    }

    /** Plain text; raw HTML is left out, never shown as markup. */
    public static String text(String markdown) {
        return TEXT.render(parsed(markdown)).strip();
    }

    private static Node parsed(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                htmlBlock.unlink();
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                htmlInline.unlink();
            }

            @Override
            public void visit(Link link) {
                if (!safeLink(link.getDestination())) {
                    link.setDestination("");
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (!safeLink(image.getDestination())) {
                    image.setDestination("");
                }
                visitChildren(image);
            }
        });
        return document;
    }

    private static boolean safeLink(String destination) {
        String d = destination.strip().toLowerCase(Locale.ROOT);
        int colon = d.indexOf(':');
        if (colon < 0) {
            return !d.startsWith("//") && !d.isEmpty();
        }
        return SAFE_SCHEMES.contains(d.substring(0, colon));
    }
}
