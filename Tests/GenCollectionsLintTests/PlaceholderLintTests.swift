import Testing
@testable import GenCollectionsLint
