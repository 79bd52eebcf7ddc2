import GripEngine
