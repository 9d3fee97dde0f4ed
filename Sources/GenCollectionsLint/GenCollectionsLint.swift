// Lint: files → rules → diagnostics. See Linter.swift once rules land.
import GenCollectionsCore
