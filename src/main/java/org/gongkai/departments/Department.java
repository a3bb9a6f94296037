package org.gongkai.departments;

public record Department(String code, String name, String nameEn, String phone) {}
