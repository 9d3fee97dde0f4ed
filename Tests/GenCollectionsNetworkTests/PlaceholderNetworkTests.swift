import Testing
@testable import GenCollectionsNetwork
