resource "aws_lb_target_group" "ok" {
  deregistration_delay = "0"
}

resource "aws_ecs_task_definition" "ok" {
  family                = "ok"
  container_definitions = "[{\"name\": \"ok\", \"image\": \"ok:1\", \"stopTimeout\": 10}]"
}

resource "aws_ecs_service" "ok" {
  task_definition = aws_ecs_task_definition.ok.arn

  load_balancer {
    target_group_arn = aws_lb_target_group.ok.arn
    container_name   = "ok"
    container_port   = 80
  }
}
