package org.gongkai.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client addresses as staff read them: IPv4 as is, IPv4 carried in IPv6 as IPv4, IPv6 in its short form (RFC 5952). */
class AddressesUnitTest {
    @Test
    void loopbackAndMappedAddressesAreShownTheWayPeopleWriteThem() {
        assertThat(Addresses.display("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(Addresses.display("::1")).isEqualTo("::1");
        assertThat(Addresses.display("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(Addresses.display("::ffff:127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(Addresses.display("0:0:0:0:0:ffff:7f00:1")).isEqualTo("127.0.0.1");
        assertThat(Addresses.display("::ffff:192.168.1.20")).isEqualTo("192.168.1.20");
        assertThat(Addresses.display("[0:0:0:0:0:0:0:1]")).isEqualTo("::1");
    }

    @Test
    void ipv6IsCompressedByRfc5952() {
        assertThat(Addresses.display("2001:DB8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(Addresses.display("2001:db8:0:0:1:0:0:1")).as("the first of two equal runs").isEqualTo("2001:db8::1:0:0:1");
        assertThat(Addresses.display("2001:db8:0:1:1:1:1:1")).as("a single zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Addresses.display("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(Addresses.display("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1%eth0");
    }

    @Test
    void whatIsNotAnAddressIsLeftAsItIs() {
        assertThat(Addresses.display(null)).isNull();
        assertThat(Addresses.display("")).isEmpty();
        assertThat(Addresses.display("unknown")).isEqualTo("unknown");
        assertThat(Addresses.display("2001:db8::zz")).isEqualTo("2001:db8::zz");
    }
}
