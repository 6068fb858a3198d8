package org.segmint.persistence.group;

/**
 * What adding to or removing from a static group did: the group's size after it ({@code customers}), how many
 * customers were added or removed ({@code changed}) and how many given ids or emails matched no customer.
 */
public record MembersEdit(String group, long customers, long changed, long unknown) {
}
