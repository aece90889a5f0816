package jp.nintei.domain.secondary;

/**
 * One requirement for one member: met or not, and in words why. {@code flagged} marks what the secretariat
 * must confirm (会費 手続き中).
 */
public record RequirementCheck(Requirement requirement, boolean met, boolean flagged, String detail) {}
