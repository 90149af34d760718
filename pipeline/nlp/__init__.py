"""The language layer the entity steps stand on: text helpers, razdel segmentation, natasha's NER,
pymorphy3 morphology, and matching dictionary phrases in any inflected form."""
