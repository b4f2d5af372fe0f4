package org.concordia.platform;

import org.concordia.testing.NullMarkedPackages;
import org.junit.jupiter.api.Test;

class NullMarkedTest {

    @Test
    void every_package_is_null_marked() {
        NullMarkedPackages.assertEveryPackageIsNullMarked();
    }
}
