public enum GripTUIPlaceholder {}
