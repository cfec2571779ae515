print("survkit")
