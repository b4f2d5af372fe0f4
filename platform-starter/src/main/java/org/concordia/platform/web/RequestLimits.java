package org.concordia.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code concordia.web.*}: the bounds every request is held to before any service code sees it. A service tightens
 * them per field with {@code @Size}; these are the ceilings for fields that say nothing.
 */
@ConfigurationProperties("concordia.web")
public class RequestLimits {

    /** A larger request body is refused with 413, whether it announces its length or not. */
    private DataSize maxRequestSize = DataSize.ofMegabytes(1);

    /** The longest text a JSON field may hold, in characters. */
    private int maxTextLength = 100_000;

    /** The most elements a JSON list may hold. */
    private int maxListSize = 1_000;

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public int getMaxTextLength() {
        return maxTextLength;
    }

    public void setMaxTextLength(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    public int getMaxListSize() {
        return maxListSize;
    }

    public void setMaxListSize(int maxListSize) {
        this.maxListSize = maxListSize;
    }

    /**
     * Whether the text holds a control character other than tab, line feed and carriage return (which multi-line
     * texts need): NUL, the other C0 characters, DEL and the C1 range.
     */
    public static boolean hasControlCharacter(CharSequence text, boolean allowLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
