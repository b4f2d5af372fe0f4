package org.concordia.platform.application;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/** Builds a page from a count and the slice a port returns for an offset and a limit. */
public final class Paging {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    private Paging() {}

    public static <T> Page<T> page(int page, int size, long total, SliceQuery<T> slice) {
        PageRequest request = PageRequest.of(page, size);
        long offset = request.getOffset();
        List<T> content = total == 0 || offset >= total || offset > Integer.MAX_VALUE
                ? List.of()
                : slice.find((int) offset, size);
        return new PageImpl<>(content, request, total);
    }

    @FunctionalInterface
    public interface SliceQuery<T> {
        List<T> find(int offset, int limit);
    }
}
