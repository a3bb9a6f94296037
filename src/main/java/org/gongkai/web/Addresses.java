package org.gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Client addresses the way people write them: Java prints IPv6 in full (0:0:0:0:0:0:0:1 for a browser on the
 * server itself), and a dual-stack socket may carry IPv4 inside IPv6 (::ffff:127.0.0.1). IPv4 is shown as IPv4, IPv6
 * in its short form (RFC 5952: lowercase, no leading zeros, the longest run of zero groups as ::). Parsed by hand
 * so that nothing here ever looks a name up in DNS; anything that is not an address is returned as it is.
 */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private Addresses() {}

    public static String display(String raw) {
        if (raw == null || raw.isEmpty()) return raw;
        String s = raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
        if (!s.contains(":")) return raw;
        int percent = s.indexOf('%');
        String scope = percent < 0 ? "" : s.substring(percent);
        int[] groups = groups(percent < 0 ? s : s.substring(0, percent));
        if (groups == null) return raw;
        if (mappedIpv4(groups)) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        return compressed(groups) + scope;
    }

    /** The eight 16-bit groups of an IPv6 address (with :: and a trailing dotted IPv4 allowed), or null. */
    private static int[] groups(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) return null;
        List<Integer> head = part(gap < 0 ? s : s.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : part(s.substring(gap + 2));
        if (head == null || tail == null) return null;
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) return null;
        int[] out = new int[8];
        for (int i = 0; i < head.size(); i++) out[i] = head.get(i);
        for (int i = 0; i < tail.size(); i++) out[8 - tail.size() + i] = tail.get(i);
        return out;
    }

    private static List<Integer> part(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        String[] pieces = s.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            var v4 = IPV4.matcher(p);
            if (i == pieces.length - 1 && v4.matches()) {
                int[] b = new int[4];
                for (int k = 0; k < 4; k++) {
                    b[k] = Integer.parseInt(v4.group(k + 1));
                    if (b[k] > 255) return null;
                }
                out.add(b[0] << 8 | b[1]);
                out.add(b[2] << 8 | b[3]);
            } else if (GROUP.matcher(p).matches()) {
                out.add(Integer.parseInt(p, 16));
            } else {
                return null;
            }
        }
        return out;
    }

    private static boolean mappedIpv4(int[] g) {
        for (int i = 0; i < 5; i++) if (g[i] != 0) return false;
        return g[5] == 0xffff;
    }

    private static String compressed(int[] g) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952 4.2.2)
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}
