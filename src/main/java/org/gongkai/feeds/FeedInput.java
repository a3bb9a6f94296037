package org.gongkai.feeds;

import java.util.List;
import java.util.Map;

/** What staff send to create or change a feed; unset fields take the defaults in {@link FeedRoutes}. */
public record FeedInput(String name, String url, String format, Map<String, String> jsonFields, Integer intervalSeconds,
                        String department, String kind, String category, List<String> targetGroups, Boolean trusted) {}
